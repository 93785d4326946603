package cn.partyflow.security;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An anonymous HTTP client at a loopback address of its own (127.0.0.x), so that each test's failed logins come
 * from a client address nobody else uses. Speaks HTTP/1.0: one request per connection, no chunked answers.
 */
record LoginClient(InetAddress address, int port) {

  record Answer(int status, List<String> headers, String body) {

    String header(String name) {
      return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
          .map(h -> h.substring(name.length() + 1).trim()).findFirst().orElse(null);
    }
  }

  static LoginClient at(String address, int port) {
    try {
      return new LoginClient(InetAddress.getByName(address), port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** HTTP Basic on /engine-rest. */
  Answer engineRest(String user, String password) {
    return send("GET", "/engine-rest/user?maxResults=1", basic(user, password), null);
  }

  /** HTTP Basic on our own API. */
  Answer api(String user, String password) {
    return send("GET", "/api/organizations", basic(user, password), null);
  }

  /** The Camunda webapps' login form, with the session cookie and CSRF token a browser would send. */
  Answer webappLogin(String user, String password) {
    Answer page = send("GET", "/camunda/app/tasklist/default/", Map.of(), null);
    List<String> cookies = page.headers().stream()
        .filter(h -> h.regionMatches(true, 0, "Set-Cookie:", 0, 11))
        .map(h -> h.substring(11).trim().split(";", 2)[0]).toList();
    String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11))
        .findFirst().orElse("");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Cookie", String.join("; ", cookies));
    headers.put("X-XSRF-TOKEN", xsrf);
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put("Accept", "application/json");
    return send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", headers,
        "username=" + URLEncoder.encode(user, UTF_8) + "&password=" + URLEncoder.encode(password, UTF_8));
  }

  Answer send(String method, String path, Map<String, String> headers, String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(UTF_8);
    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n");
    headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
    if (body != null) {
      request.append("Content-Length: ").append(content.length).append("\r\n");
    }
    request.append("\r\n");
    try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, address, 0)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(ISO_8859_1));
      out.write(content);
      out.flush();
      String raw = new String(socket.getInputStream().readAllBytes(), UTF_8);
      int end = raw.indexOf("\r\n\r\n");
      String[] lines = raw.substring(0, end).split("\r\n");
      List<String> responseHeaders = new ArrayList<>(List.of(lines).subList(1, lines.length));
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), responseHeaders, raw.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> basic(String user, String password) {
    return Map.of("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8)));
  }
}
