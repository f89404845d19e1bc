package io.herald.webadmin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

/**
 * Tells the operator what happened, as global Faces messages shown by the layout's {@code
 * #messages}. Pages report through this bean rather than {@link FacesContext}, so their logic runs
 * in plain unit tests with a recording subclass.
 */
@RequestScoped
public class ConsoleMessages {

  @Inject FacesContext faces;

  /** Reports something that worked. */
  public void info(String text) {
    add(FacesMessage.SEVERITY_INFO, text);
  }

  /** Reports why something was refused or failed. */
  public void error(String text) {
    add(FacesMessage.SEVERITY_ERROR, text);
  }

  /** Keeps this request's messages for the next one, when the action redirects. */
  public void keepForRedirect() {
    faces.getExternalContext().getFlash().setKeepMessages(true);
  }

  private void add(FacesMessage.Severity severity, String text) {
    faces.addMessage(null, new FacesMessage(severity, text, null));
  }
}
