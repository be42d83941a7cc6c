package cn.wssp.portal.testing;

import cn.wssp.portal.domain.model.Document;
import cn.wssp.portal.domain.model.MaterialFile;
import cn.wssp.portal.domain.storage.ObjectReferences;
import java.util.HashSet;
import java.util.Set;

/** The object keys of the in-memory material files and documents (as the JPA version's tables). */
public class InMemoryObjectReferences implements ObjectReferences {
  private final InMemoryApplications applications;
  private final InMemoryDocuments documents;

  public InMemoryObjectReferences(InMemoryApplications applications, InMemoryDocuments documents) {
    this.applications = applications;
    this.documents = documents;
  }

  @Override
  public Set<String> referencedKeys() {
    Set<String> keys = new HashSet<>();
    applications.allMaterialFiles().stream().map(MaterialFile::objectKey).forEach(keys::add);
    documents.all().stream().map(Document::objectKey).forEach(keys::add);
    documents.versions.stream().map(InMemoryDocuments.Version::objectKey).forEach(keys::add);
    keys.remove(null);
    return keys;
  }

  @Override
  public boolean isReferenced(String key) {
    return referencedKeys().contains(key);
  }
}
