package cn.partyflow.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged application running as its own JVM on a given database, driven over HTTP like a real client. */
public final class Node implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final String name;
  /** The port the node's server took, read from its log once it has started. */
  int port;
  private final Process process;

  private Node(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  public static Node start(String name, String jdbcUrl) throws IOException, InterruptedException {
    return start(name, jdbcUrl, List.of());
  }

  /** With settings of its own, e.g. {@code --partyflow.rectification.digest-cron=*\/5 * * * * *}. */
  public static Node start(String name, String jdbcUrl, List<String> settings)
      throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of(
        "--partyflow.demo=true",
        "--partyflow.demo-life=false",
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--spring.datasource.driver-class-name=org.postgresql.Driver",
        "--camunda.bpm.job-execution.wait-time-in-millis=300",
        "--camunda.bpm.job-execution.max-wait=1000"));
    arguments.addAll(settings);
    return launch(name, arguments);
  }

  /** The demo as {@code java -jar} starts it with no arguments, its H2 database under {@code dataDir}. */
  public static Node demo(String name, Path dataDir) throws IOException, InterruptedException {
    return launch(name, List.of("--spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("partyflow")
        + ";DB_CLOSE_ON_EXIT=FALSE", "--spring.mail.port=" + freePort()));
  }

  private static Node launch(String name, List<String> arguments) throws IOException, InterruptedException {
    String jar = System.getProperty("partyflow.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("the packaged application is missing: " + jar);
    }
    Path log = log(name);
    Files.createDirectories(log.getParent());
    Path gcLog = gcLog(name);
    Files.deleteIfExists(gcLog);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Xlog:gc:file=" + gcLog.toAbsolutePath(), "-jar", jar,
        // The server takes a free port itself: a port chosen here could be taken by another process before it binds.
        "--server.port=0"));
    command.addAll(arguments);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Node node = new Node(name, p);
    try {
      node.awaitReady(Duration.ofSeconds(300));
    } catch (RuntimeException | InterruptedException | IOException notReady) {
      // the caller never gets the node to close, so a JVM that is still starting must not outlive the test
      node.kill();
      throw notReady;
    }
    return node;
  }

  static Path log(String name) {
    return Path.of("target", "nodes", name + ".log");
  }

  private static final Pattern STARTED_ON = Pattern.compile("Tomcat started on port (\\d+)");

  private void awaitReady(Duration limit) throws InterruptedException, IOException {
    Instant until = Instant.now().plus(limit);
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see target/nodes/"
            + name + ".log, which says:\n" + failure(Files.readAllLines(log(name))));
      }
      if (port == 0) {
        Matcher started = STARTED_ON.matcher(Files.readString(log(name)));
        if (!started.find()) {
          Thread.sleep(500);
          continue;
        }
        port = Integer.parseInt(started.group(1));
      }
      try {
        if (get("admin", "/engine-rest/engine").statusCode() == 200
            && get("admin", "/engine-rest/group?member=nk_zuzhi").body().contains("pf-officers")) {
          return;
        }
      } catch (IOException notYet) {
        // the port is not open yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(name + " did not start within " + limit);
  }

  /** The lines of a node's log that say why it stopped: its first error with what follows, or else its end. */
  static String failure(List<String> log) {
    int from = Math.max(0, log.size() - 40);
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).contains(" ERROR ") || log.get(i).startsWith("APPLICATION FAILED TO START")) {
        from = i;
        break;
      }
    }
    return String.join("\n", log.subList(from, Math.min(log.size(), from + 40)));
  }

  /** The highest resident memory of the node's JVM so far, in MiB (VmHWM). */
  public long peakResidentMib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  /** The most heap in use so far, in MiB: the largest occupancy before a collection in the node's GC log. */
  public long peakHeapMib() throws IOException {
    long peak = -1;
    Matcher m = HEAP_BEFORE_GC.matcher(Files.readString(gcLog(name)));
    while (m.find()) {
      peak = Math.max(peak, Long.parseLong(m.group(1)));
    }
    return peak;
  }

  private static final Pattern HEAP_BEFORE_GC = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");

  private static Path gcLog(String name) {
    return Path.of("target", "nodes", name + "-gc.log");
  }

  /** kill -9: no shutdown hook, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
    return HTTP.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode getJson(String user, String path) throws IOException, InterruptedException {
    HttpResponse<String> r = get(user, path);
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
    return HTTP.send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Starts a case and returns its id, or throws when the node did not acknowledge it. */
  String startCase(String user, String key, String businessKey, String variablesJson)
      throws IOException, InterruptedException {
    HttpResponse<String> r = post(user, "/engine-rest/process-definition/key/" + key + "/start",
        "{\"businessKey\":\"" + businessKey + "\",\"variables\":" + variablesJson + "}");
    if (r.statusCode() != 200) {
      throw new IllegalStateException("start refused: " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).get("id").asText();
  }

  void deploy(String resource) throws IOException, InterruptedException {
    byte[] bpmn;
    try (var in = Node.class.getResourceAsStream("/" + resource)) {
      bpmn = in.readAllBytes();
    }
    String boundary = "----partyflow" + UUID.randomUUID();
    String file = resource.substring(resource.lastIndexOf('/') + 1);
    HttpResponse<String> r = upload("admin", "/engine-rest/deployment/create", boundary,
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ntest\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n",
        "data", file, bpmn);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("deployment refused: " + r.statusCode() + " " + r.body());
    }
  }

  /** A multipart POST with one file in the part {@code part}, as a browser's upload form sends it. */
  HttpResponse<String> upload(String user, String path, String part, String filename, byte[] content)
      throws IOException, InterruptedException {
    return upload(user, path, "----partyflow" + UUID.randomUUID(), "", part, filename, content);
  }

  private HttpResponse<String> upload(String user, String path, String boundary, String fields, String part,
      String filename, byte[] content) throws IOException, InterruptedException {
    byte[] head = (fields + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
        + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return HTTP.send(request(user, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String user, String path) {
    String auth = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + auth);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
