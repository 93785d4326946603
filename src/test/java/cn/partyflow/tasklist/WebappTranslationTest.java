package cn.partyflow.tasklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks our Simplified Chinese overlay (app/&lt;app&gt;/locales/zh.json) against the English
 * locale shipped in camunda-webapp-webjar 7.24.0, which is on the test classpath through
 * camunda-bpm-spring-boot-starter-webapp. Plain JUnit: no Spring context.
 */
class WebappTranslationTest {

  private static final String PREFIX = "META-INF/resources/webjars/camunda/app/";

  /**
   * Words that may stand alone in a value identical to the English one (e.g. "ID*"): names
   * and abbreviations that Chinese users read as they are.
   */
  private static final Set<String> ALLOWED_WORDS =
      Set.of(
          "BPMN", "DMN", "CMMN", "DRD", "ID", "URL", "Camunda", "Optimize", "JSON", "XML", "CSV");

  /**
   * Keys whose text we replace on purpose, so their HTML need not match: the Camunda 8
   * migration banner (hidden by styles/user-styles.css) gets a neutral Chinese text, and the
   * first-login hint points to 工作台 instead of Camunda's product welcome page.
   */
  private static final Set<String> FREE_TEXT_KEYS =
      Set.of("labels.BANNER_CE_EOL_TEXT", "labels.FIRST_LOGIN_INFO");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*\\}\\}");
  private static final Pattern MOMENT_TOKEN = Pattern.compile("%[ds]");
  private static final Pattern HTML_TAG =
      Pattern.compile("</?(?:a|b|br|code|div|em|i|li|p|span|strong|ul)\\b[^>]*>");
  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");

  private final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void zhCoversEveryEnglishKeyWithMatchingPlaceholders(String app) throws IOException {
    URL enUrl = resource(app, "en.json");
    assertTrue(
        enUrl.toString().contains("camunda-webapp-webjar"),
        "en.json must come from the Camunda webjar, was " + enUrl);

    Map<String, JsonNode> en = flatten(read(enUrl));
    Map<String, JsonNode> zh = flatten(read(resource(app, "zh.json")));

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : en.entrySet()) {
      String key = entry.getKey();
      JsonNode enValue = entry.getValue();
      JsonNode zhValue = zh.get(key);
      if (zhValue == null) {
        problems.add("missing key " + key);
        continue;
      }
      if (enValue.getNodeType() != zhValue.getNodeType()) {
        problems.add(key + ": type " + zhValue.getNodeType() + " instead of " + enValue.getNodeType());
        continue;
      }
      if (!enValue.isTextual()) {
        continue;
      }
      String e = enValue.asText();
      String z = zhValue.asText();
      List<Pattern> checked =
          FREE_TEXT_KEYS.contains(key)
              ? List.of(PLACEHOLDER, MOMENT_TOKEN)
              : List.of(PLACEHOLDER, MOMENT_TOKEN, HTML_TAG);
      for (Pattern p : checked) {
        List<String> expected = tokens(p, e);
        List<String> actual = tokens(p, z);
        if (!expected.equals(actual)) {
          problems.add(key + ": expected " + expected + " but found " + actual + " in \"" + z + "\"");
        }
      }
      if (isUntranslated(key, e, z)) {
        problems.add(key + ": not translated (\"" + z + "\")");
      }
    }
    for (String key : zh.keySet()) {
      if (!en.containsKey(key)) {
        problems.add("key not in en.json: " + key);
      }
    }
    if (!problems.isEmpty()) {
      fail(app + "/locales/zh.json has " + problems.size() + " problem(s):\n  "
          + String.join("\n  ", problems));
    }
    assertEquals(en.size(), zh.size(), app + ": key count");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void zhIsUtf8WithoutBomAndKeepsEnglishKeyOrder(String app) throws IOException {
    byte[] bytes;
    try (InputStream in = resource(app, "zh.json").openStream()) {
      bytes = in.readAllBytes();
    }
    assertFalse(
        bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
            && (bytes[2] & 0xff) == 0xBF,
        app + "/locales/zh.json must not start with a UTF-8 BOM");
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException ex) {
      fail(app + "/locales/zh.json is not valid UTF-8: " + ex);
    }

    List<String> enKeys = new ArrayList<>(flatten(read(resource(app, "en.json"))).keySet());
    List<String> zhKeys = new ArrayList<>(flatten(mapper.readTree(bytes)).keySet());
    enKeys.retainAll(zhKeys);
    assertEquals(enKeys, zhKeys, app + ": zh.json keys must be in the order of en.json");
  }

  /**
   * The hint on a first visit of each app sends a Chinese reader to 工作台, where every role's work starts, not to
   * Camunda's product intro page ({@code /camunda-welcome}).
   */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void firstVisitHintLeadsToTheHomePage(String app) throws IOException {
    String hint = read(resource(app, "zh.json")).get("labels").get("FIRST_LOGIN_INFO").asText();
    assertTrue(hint.contains("<a href=\"/\">工作台</a>"), app + ": " + hint);
    assertFalse(hint.contains("camunda-welcome") || hint.contains("Camunda"), app + ": " + hint);
  }

  @Test
  void tasklistLabelsAreChinese() throws IOException {
    JsonNode labels = read(resource("tasklist", "zh.json")).get("labels");
    assertNotNull(labels);
    assertEquals("认领", labels.get("CLAIM_TASK").asText());
    assertEquals("完成", labels.get("COMPLETE").asText());
    assertEquals("到期日期", labels.get("DUE_DATE").asText());
    assertEquals("跟进日期", labels.get("FOLLOW_UP_DATE").asText());
    assertEquals("过滤器", labels.get("FILTERS").asText());
  }

  private boolean isUntranslated(String key, String en, String zh) {
    if (!en.equals(zh)) {
      return false;
    }
    // moment.js format patterns are not text
    if (key.startsWith("dateLocales.longDateFormat.") || key.startsWith("dateLocales.calendar.")) {
      return false;
    }
    String text = PLACEHOLDER.matcher(en).replaceAll(" ");
    text = HTML_TAG.matcher(text).replaceAll(" ").replaceAll("&[a-z]+;", " ");
    Matcher words = LATIN_WORD.matcher(text);
    while (words.find()) {
      if (!ALLOWED_WORDS.contains(words.group())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> tokens(Pattern pattern, String value) {
    List<String> result = new ArrayList<>();
    Matcher m = pattern.matcher(value);
    while (m.find()) {
      result.add(m.groupCount() > 0 ? m.group(1) : m.group());
    }
    result.sort(null);
    return result;
  }

  private static URL resource(String app, String file) {
    String path = PREFIX + app + "/locales/" + file;
    URL url = WebappTranslationTest.class.getClassLoader().getResource(path);
    assertNotNull(url, "not on the classpath: " + path);
    return url;
  }

  private JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      byte[] bytes = in.readAllBytes();
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) { // the webjar's en.json files start with a BOM
        text = text.substring(1);
      }
      return mapper.readTree(text);
    }
  }

  /** Flattens objects to dotted keys and arrays to key[index]; leaves keep document order. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    flatten("", root, result);
    return result;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.put(prefix, node);
    }
  }
}
