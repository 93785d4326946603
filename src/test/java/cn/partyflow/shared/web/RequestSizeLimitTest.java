package cn.partyflow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every request body is bounded: JSON and the engine's uploads by the web limit, our own uploads by multipart's. */
class RequestSizeLimitTest {

  final RequestSizeLimit filter = new RequestSizeLimit(1024);
  final AtomicReference<HttpServletRequest> passed = new AtomicReference<>();

  MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (req, res) -> passed.set((HttpServletRequest) req));
    return response;
  }

  static MockHttpServletRequest post(String uri, String contentType, byte[] body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    request.setContentType(contentType);
    request.setContent(body);
    return request;
  }

  @Test
  void aDeclaredBodyAboveTheLimitIsRefusedUnread() throws Exception {
    MockHttpServletResponse response = send(post("/engine-rest/task/t1/variables/v/data",
        "multipart/form-data; boundary=x", new byte[2048]));
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString()).contains("请求内容超过1KB的上限");
    assertThat(passed.get()).isNull();

    assertThat(send(post("/api/dues/payments", "application/json", new byte[2048])).getStatus()).isEqualTo(413);
    assertThat(passed.get()).isNull();
  }

  @Test
  void aBodyWithinTheLimitPasses() throws Exception {
    assertThat(send(post("/engine-rest/task/t1/submit-form", "application/json", new byte[1024])).getStatus())
        .isEqualTo(200);
    assertThat(passed.get()).isNotNull();
  }

  @Test
  void ourOwnUploadsAreLeftToTheMultipartLimits() throws Exception {
    send(post("/api/import/people", "multipart/form-data; boundary=x", new byte[2048]));
    assertThat(passed.get()).isNotNull();
  }

  @Test
  void aBodyOfUnknownLengthStopsBeingReadAtTheLimit() throws Exception {
    MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/engine-rest/message") {
      @Override
      public long getContentLengthLong() {
        return -1;
      }
    };
    chunked.setContentType("application/json");
    chunked.setContent(new byte[4096]);
    send(chunked);
    assertThatThrownBy(() -> passed.get().getInputStream().readAllBytes()).isInstanceOf(IOException.class);
  }
}
