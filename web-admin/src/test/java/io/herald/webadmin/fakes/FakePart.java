package io.herald.webadmin.fakes;

import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/** An uploaded file holding {@code text} in UTF-8. */
public final class FakePart implements Part {

  private final byte[] bytes;

  public FakePart(String text) {
    this.bytes = text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public InputStream getInputStream() {
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public String getContentType() {
    return "text/csv";
  }

  @Override
  public String getName() {
    return "file";
  }

  @Override
  public String getSubmittedFileName() {
    return "people.csv";
  }

  @Override
  public long getSize() {
    return bytes.length;
  }

  @Override
  public void write(String fileName) {
    throw new AssertionError("the console reads uploads as streams");
  }

  @Override
  public void delete() {}

  @Override
  public String getHeader(String name) {
    return null;
  }

  @Override
  public Collection<String> getHeaders(String name) {
    return List.of();
  }

  @Override
  public Collection<String> getHeaderNames() {
    return List.of();
  }
}
