package cn.partyflow.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body the server reads. Multipart uploads to our own pages and APIs are bounded by
 * {@code spring.servlet.multipart.*} and then by each endpoint's own limit; everything else (JSON, forms, and the
 * engine's REST API under /engine-rest and /camunda/api, whose variable-data and deployment uploads the multipart
 * settings do not reach) by {@code partyflow.web.max-request-size}. A declared length above it answers 413 before a
 * byte is read; a body without a declared length stops being read at the limit.
 */
class RequestSizeLimit extends OncePerRequestFilter {

  private final long limit;

  RequestSizeLimit(long limit) {
    this.limit = limit;
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
        @Value("${partyflow.web.max-request-size:5MB}") DataSize limit) {
      FilterRegistrationBean<RequestSizeLimit> registration =
          new FilterRegistrationBean<>(new RequestSizeLimit(limit.toBytes()));
      registration.setName("request-size-limit");
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return registration;
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean engine = path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
    String type = request.getContentType();
    boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    return multipart && !engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/json;charset=UTF-8");
      String size = limit >= 1024 * 1024 ? limit / (1024 * 1024) + "MB" : limit / 1024 + "KB";
      response.getOutputStream().write(("{\"message\":\"请求内容超过" + size + "的上限，未处理\"}")
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(declared < 0 ? new Bounded(request, limit) : request, response);
  }

  /** A body of unknown length (chunked) fails to read past the limit instead of filling the heap. */
  private static final class Bounded extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Bounded(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
              count(1);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
              count(n);
            }
            return n;
          }

          private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
              throw new IOException("request body above " + limit + " bytes");
            }
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }
  }
}
