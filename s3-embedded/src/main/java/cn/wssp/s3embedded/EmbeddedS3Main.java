package cn.wssp.s3embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * The embedded S3-compatible server: S3Proxy over jclouds' filesystem store on a local folder.
 * Runs in its own JVM so its libraries (its own Jetty) stay away from the application server.
 *
 * <p>Arguments: {@code <baseDir> <port>}. The first line of standard input is the access key,
 * the second the secret (never on the command line, where {@code ps} would show it). Prints
 * {@code S3-EMBEDDED READY <endpoint>} once it serves, then runs until standard input closes:
 * when the parent process dies, even by kill -9, its end of the pipe closes and this one exits.
 */
public final class EmbeddedS3Main {
  private EmbeddedS3Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: EmbeddedS3Main <baseDir> <port>  (keys on stdin)");
      System.exit(2);
    }
    Path baseDir = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String accessKey = in.readLine();
    String secretKey = in.readLine();
    if (accessKey == null || secretKey == null || accessKey.isBlank() || secretKey.isBlank()) {
      System.err.println("EmbeddedS3Main: access key and secret expected on standard input");
      System.exit(2);
    }
    Files.createDirectories(baseDir);

    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", baseDir.toString());
    BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
        .overrides(properties).buildView(BlobStoreContext.class);
    BlobStore blobStore = context.getBlobStore();

    URI endpoint = URI.create("http://127.0.0.1:" + port);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(blobStore)
        .endpoint(endpoint)
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .build();
    proxy.start();
    while (!proxy.getState().equals("STARTED")) {
      Thread.sleep(20);
    }
    System.out.println("S3-EMBEDDED READY " + endpoint);
    System.out.flush();

    // Parent gone (or asked us to stop by closing the pipe): shut down.
    while (in.read() >= 0) {
      // ignore anything else written to us
    }
    proxy.stop();
    context.close();
    System.exit(0);
  }
}
