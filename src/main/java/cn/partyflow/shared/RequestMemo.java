package cn.partyflow.shared;

import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A value worked out once per web request (the parts of one page asking the same), and every time outside one.
 */
public final class RequestMemo {

  private RequestMemo() {}

  /** The value stored under {@code key} in this request, or {@code work}'s, stored for the rest of the request. */
  @SuppressWarnings("unchecked")
  public static <T> T get(String key, Supplier<T> work) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return work.get();
    }
    Object cached = request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
    if (cached != null) {
      return (T) cached;
    }
    T value = work.get();
    request.setAttribute(key, value, RequestAttributes.SCOPE_REQUEST);
    return value;
  }
}
