package io.socialink.x.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A {@code multipart/form-data} body under construction; not thread-safe. */
final class Multipart {
  private final String boundary = "socialink-" + UUID.randomUUID().toString().replace("-", "");
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Multipart field(String name, String value) {
    head(name, null, null);
    write(value.getBytes(StandardCharsets.UTF_8));
    write(crlf());
    return this;
  }

  Multipart file(String name, String fileName, String contentType, byte[] bytes, int length) {
    head(name, fileName, contentType);
    out.write(bytes, 0, length);
    write(crlf());
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  byte[] body() {
    write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private void head(String name, String fileName, String contentType) {
    StringBuilder h = new StringBuilder("--").append(boundary).append("\r\n")
        .append("Content-Disposition: form-data; name=\"").append(name).append('"');
    if (fileName != null) {
      h.append("; filename=\"").append(fileName).append('"');
    }
    h.append("\r\n");
    if (contentType != null) {
      h.append("Content-Type: ").append(contentType).append("\r\n");
    }
    h.append("\r\n");
    write(h.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] crlf() {
    return new byte[] {'\r', '\n'};
  }

  private void write(byte[] b) {
    out.write(b, 0, b.length);
  }
}
