package cn.wssp.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link ObjectStoreContract} against Ceph's RADOS Gateway: a bucket made with object lock, hence
 * versioned, where overwrite and delete behave differently from S3Proxy's plain files.
 */
class MinioObjectStoreOnCephIT extends ObjectStoreContract {
  static S3Settings settings;
  static MinioObjectStore store;

  @BeforeAll
  static void connect() throws Exception {
    settings = RgwTarget.settings("wssp-contract");
    store = MinioObjectStore.connect(settings);
  }

  @AfterAll
  static void close() {
    if (store != null) {
      store.close();
    }
  }

  @Override
  MinioObjectStore store() {
    return store;
  }

  @Override
  S3Settings settings() {
    return settings;
  }
}
