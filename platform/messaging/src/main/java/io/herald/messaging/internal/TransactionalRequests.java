package io.herald.messaging.internal;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Counts the transactional send API's requests ({@code /v1/send/…}, not the bulk {@code
 * /v1/send/email/batch}) as {@link TransactionalTraffic} for their whole handling, the container's
 * part (security, routing, the body) included: about half of such a request's CPU is spent before
 * the resource method runs (bench/send, JFR).
 */
@WebFilter(urlPatterns = "/v1/send/*", asyncSupported = true)
public class TransactionalRequests implements Filter {

  @Inject TransactionalTraffic traffic;

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || http.getRequestURI().endsWith("/batch")) {
      chain.doFilter(request, response);
      return;
    }
    traffic.enter();
    try {
      chain.doFilter(request, response);
    } finally {
      traffic.exit();
    }
  }
}
