package cn.wssp.storage;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Ceph's RADOS Gateway answers GET ?lifecycle in the older form, each rule's prefix directly in
 * the rule ({@code <Rule><ID>…</ID><Prefix></Prefix>…}); the MinIO SDK 8 reads only the newer
 * {@code <Filter><Prefix>…</Prefix></Filter>} and failed on the whole answer. Wraps such a prefix
 * in a filter before the SDK reads it (responses are not signed: nothing else changes).
 */
final class LifecycleRulePrefixFix implements Interceptor {
  private static final Pattern RULE = Pattern.compile("<Rule>(.*?)</Rule>", Pattern.DOTALL);
  private static final Pattern BARE_PREFIX =
      Pattern.compile("<Prefix>(.*?)</Prefix>|<Prefix\\s*/>", Pattern.DOTALL);

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    if (body == null || !"GET".equals(chain.request().method()) || !response.isSuccessful()
        || !chain.request().url().queryParameterNames().contains("lifecycle")) {
      return response;
    }
    String xml = body.string(); // a small document, read whole to rewrite it
    return response.newBuilder().body(ResponseBody.create(filtered(xml), body.contentType()))
        .build();
  }

  /** Every rule without a {@code <Filter>} gets its bare {@code <Prefix>} as one. */
  static String filtered(String xml) {
    Matcher rule = RULE.matcher(xml);
    StringBuilder out = new StringBuilder();
    while (rule.find()) {
      String inner = rule.group(1);
      if (!inner.contains("<Filter")) {
        Matcher prefix = BARE_PREFIX.matcher(inner);
        inner = prefix.find()
            ? inner.substring(0, prefix.start()) + "<Filter><Prefix>"
                + (prefix.group(1) == null ? "" : prefix.group(1)) + "</Prefix></Filter>"
                + inner.substring(prefix.end())
            : inner;
      }
      rule.appendReplacement(out, Matcher.quoteReplacement("<Rule>" + inner + "</Rule>"));
    }
    return rule.appendTail(out).toString();
  }
}
