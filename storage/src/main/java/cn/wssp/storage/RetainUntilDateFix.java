package cn.wssp.storage;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Ceph's RADOS Gateway writes retain-until dates with nanoseconds
 * ({@code 2026-12-06T09:05:31.780000000Z}), in the {@code x-amz-object-lock-retain-until-date}
 * header and in the body of GET ?retention; the MinIO SDK 8 parses only none or three fraction
 * digits, so every stat of a retained object failed. Rewrites those dates to milliseconds before
 * the SDK reads them (responses are not signed: nothing else changes).
 */
final class RetainUntilDateFix implements Interceptor {
  static final String HEADER = "x-amz-object-lock-retain-until-date";
  private static final Pattern LONG_FRACTION =
      Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)\\.(\\d{1,2}|\\d{4,9})Z");

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    Response.Builder fixed = null;
    String header = response.header(HEADER);
    if (header != null && !millis(header).equals(header)) {
      fixed = response.newBuilder().header(HEADER, millis(header));
    }
    ResponseBody body = response.body();
    // Only GET ?retention carries the date in XML: a small body, read whole to rewrite it.
    if (body != null && chain.request().url().queryParameterNames().contains("retention")) {
      String xml = body.string();
      fixed = (fixed == null ? response.newBuilder() : fixed)
          .body(ResponseBody.create(millis(xml), body.contentType()));
    }
    return fixed == null ? response : fixed.build();
  }

  /** Every ISO date in the text with exactly three fraction digits (truncated or padded). */
  static String millis(String text) {
    Matcher m = LONG_FRACTION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String fraction = (m.group(2) + "00").substring(0, 3);
      m.appendReplacement(out, m.group(1) + "." + fraction + "Z");
    }
    return m.appendTail(out).toString();
  }
}
