package fi.ikkuna.identification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which role and queues a member of the county's groups gets, from {@code ikkuna.auth.oidc.groups}:
 * {@code group=role:title:queue,queue; group=role:title:*} ({@code *}: every queue). The first listed group the
 * person is in decides role and title; the queues of all their listed groups add up. In no listed group: no access.
 */
final class GroupMapping {
    static final Set<String> ROLES = Set.of("professional", "rules_editor", "manager", "administrator");

    record Rule(String group, String role, String title, Set<String> queues) {
    }

    /** What a signed-in staff member may do; {@code queues} may contain {@code *} until resolved against the catalog. */
    record Grant(String role, String title, Set<String> queues) {
    }

    private final List<Rule> rules;

    private GroupMapping(List<Rule> rules) {
        this.rules = rules;
    }

    static GroupMapping parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] kv = entry.split("=", 2);
            String[] parts = kv.length == 2 ? kv[1].split(":", 3) : new String[0];
            if (parts.length != 3 || kv[0].isBlank() || !ROLES.contains(parts[0].trim())) {
                throw new IllegalStateException("ikkuna.auth.oidc.groups: '" + entry.trim()
                        + "' is not group=role:title:queue,queue (role one of " + ROLES + ")");
            }
            Set<String> queues = new LinkedHashSet<>();
            for (String q : parts[2].split(",")) {
                if (!q.isBlank()) {
                    queues.add(q.trim());
                }
            }
            rules.add(new Rule(kv[0].trim(), parts[0].trim(), parts[1].trim(), Set.copyOf(queues)));
        }
        return new GroupMapping(List.copyOf(rules));
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    Optional<Grant> grant(Collection<String> groups, Set<String> allQueues) {
        Rule first = null;
        Set<String> queues = new LinkedHashSet<>();
        for (Rule r : rules) {
            if (groups.contains(r.group())) {
                first = first == null ? r : first;
                queues.addAll(r.queues().contains("*") ? allQueues : r.queues());
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Grant(first.role(), first.title(), Set.copyOf(queues)));
    }
}
