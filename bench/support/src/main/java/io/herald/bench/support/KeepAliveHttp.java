package io.herald.bench.support;

import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The load drivers' HTTP client: Apache HttpClient's blocking client with one keep-alive connection
 * per driver thread.
 *
 * <p>Why not the JDK's {@code java.net.http} client (the drivers' client before 2026-12-05): even
 * its blocking {@code send} hands each request to the client's selector thread and the answer back
 * through futures, and it took ~35% of a core at 1,000 requests/s (bench/segments T3). The driver
 * shares the benchmark machine's two cores with Herald and the database, so that CPU was taken from
 * the system measured, which a real client on another machine does not do.
 */
public final class KeepAliveHttp implements AutoCloseable {

  private final CloseableHttpClient client;

  /** A client that keeps up to {@code connections} connections open (one per driver thread). */
  public KeepAliveHttp(int connections) {
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(connections)
                    .setMaxConnPerRoute(connections)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectTimeout(Timeout.ofSeconds(10))
                    .setResponseTimeout(Timeout.ofMinutes(10))
                    .build())
            .disableAutomaticRetries()
            .build();
  }

  /**
   * Sends {@code request} and reads the whole answer: {@code null} when it is 200, otherwise the
   * status and body (or the exception) to report.
   */
  public String send(ClassicHttpRequest request) {
    try {
      return client.execute(
          request,
          response -> {
            String body = EntityUtils.toString(response.getEntity());
            return response.getCode() == 200 ? null : response.getCode() + " " + body;
          });
    } catch (IOException | RuntimeException e) {
      return e.toString();
    }
  }

  /** A {@code POST} of a JSON body. */
  public static ClassicHttpRequest post(String url, String authorization, String json) {
    return withJson(new HttpPost(url), authorization, json);
  }

  /** A {@code PUT} of a JSON body. */
  public static ClassicHttpRequest put(String url, String authorization, String json) {
    return withJson(new HttpPut(url), authorization, json);
  }

  private static ClassicHttpRequest withJson(
      HttpUriRequestBase request, String authorization, String json) {
    request.setHeader("Authorization", authorization);
    request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
    return request;
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
