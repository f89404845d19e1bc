package io.herald.journeys.api;

import java.util.List;

/**
 * A page of an API trigger's errors, in request order.
 *
 * @param errors the page
 * @param next the {@code start} of the next page, empty when this is the last
 */
public record ApiTriggerErrorPage(List<ApiTriggerError> errors, String next) {

  /** Copies the list. */
  public ApiTriggerErrorPage {
    errors = List.copyOf(errors);
  }
}
