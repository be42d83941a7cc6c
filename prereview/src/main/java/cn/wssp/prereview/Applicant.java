package cn.wssp.prereview;

/**
 * Who applies: the enterprise the materials must belong to.
 *
 * @param name the enterprise's registered name, e.g. "杭州示例食品有限公司"
 * @param creditCode its unified social credit code (统一社会信用代码), or null when unknown
 */
public record Applicant(String name, String creditCode) {}
