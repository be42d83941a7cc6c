package cn.wssp.prereview;

/** MISSING_MATERIAL: a mandatory material without a file; worded as 容缺 when it is commitable. */
final class MissingMaterialCheck implements MaterialCheck {
  @Override
  public void check(CheckContext ctx) {
    if (ctx.hasFile() || !ctx.requirement().required()) {
      return;
    }
    ctx.report(FindingCode.MISSING_MATERIAL, Severity.BLOCKING,
        ctx.requirement().commitable() ? "MISSING_MATERIAL.commitable" : "MISSING_MATERIAL");
    ctx.stop();
  }
}
