package cn.partyflow;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** A CSV file posted as the multipart part {@code file}, as the import pages send it, by a demo user (password demo). */
public record CsvUpload(TestRestTemplate http) {

  public ResponseEntity<String> post(String user, String path, String filename, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return filename;
      }
    });
    return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(parts, headers), String.class);
  }
}
