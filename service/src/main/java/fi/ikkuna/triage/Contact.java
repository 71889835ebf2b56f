package fi.ikkuna.triage;

import java.time.ZonedDateTime;

/**
 * One incoming contact as the pipeline sees it, identical for every channel.
 *
 * @param text     what the resident wrote (form submissions: their free-text fields joined)
 * @param language fi, sv or en
 * @param channel  chat, appointment or form
 * @param age      resident's age when given, else null
 * @param formType form type id for form submissions, else null
 * @param at       when the contact arrived, in the county's time zone
 */
public record Contact(String text, String language, Channel channel, Integer age, String formType, ZonedDateTime at) {
}
