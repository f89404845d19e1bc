package io.herald.app.ui;

import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A hand-made Faces postback from the page the browser shows: what a caller could send without the
 * page's help. It builds a plain form in the page's JavaScript with the given fields and the page's
 * own {@code jakarta.faces.ViewState}, posts it to the page's URL and waits for the answer.
 *
 * <p>A Faces form is posted as its id, its inputs by client id, and the id of the button pressed,
 * for example {@code createForm=createForm}, {@code createForm:name=...} and {@code
 * createForm:create=createForm:create}.
 */
final class ForgedPostback {

  private static final String SUBMIT =
      """
      const fields = arguments[0];
      const state = document.querySelector('input[name="jakarta.faces.ViewState"]');
      const form = document.createElement('form');
      form.method = 'post';
      form.action = state.form.action;
      fields['jakarta.faces.ViewState'] = state.value;
      for (const [name, value] of Object.entries(fields)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.appendChild(input);
      }
      document.body.appendChild(form);
      form.submit();
      """;

  private ForgedPostback() {}

  /** Posts {@code fields} from the current page and waits until the answer has replaced it. */
  static void submit(ConsoleBrowser console, Map<String, String> fields) {
    WebElement before = console.driver().findElement(By.id("pageTitle"));
    ((JavascriptExecutor) console.driver()).executeScript(SUBMIT, fields);
    console.waitFor().until(ExpectedConditions.stalenessOf(before));
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("pageTitle")));
  }
}
