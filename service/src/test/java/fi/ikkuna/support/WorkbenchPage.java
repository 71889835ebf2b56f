package fi.ikkuna.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The rules editor's side of a browser test: sign-in (lands on the workbench), editor input, the confirm dialog. */
public final class WorkbenchPage {
    private WorkbenchPage() {
    }

    /** Signs in on the console as the demo rules editor, who lands on the workbench (issue 14.9). */
    public static void signIn(Browser b, String base) {
        b.driver.get(base + "/console/");
        b.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("saannot");
        b.driver.findElement(By.id("password")).sendKeys("saannot-demo");
        b.driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        b.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-draft")));
    }

    /** Replaces the editor's content as typing would (the input event starts validation). */
    public static void type(Browser b, String content) {
        b.driver.executeScript("const e = document.getElementById('editor'); e.value = arguments[0];"
                + "e.dispatchEvent(new Event('input'));", content);
    }

    public static WebElement dialogButton(Browser b, String text) {
        return b.until(ExpectedConditions.elementToBeClickable(By.xpath("//dialog[@id='confirm']//button[text()='" + text + "']")));
    }
}
