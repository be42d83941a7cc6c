package cn.wssp.portal.application;

import java.util.List;

/**
 * A matter the center defines (CENTER_ADMIN): its guide (六公开), the departments by code (the
 * lead first), and its first rule set as {@code PUT /api/v1/matters/{code}/rules} takes it, which
 * gives the material list: a matter never exists without one.
 */
public record NewMatter(String code, String name, String nameEn, String kind, Integer timeLimitWorkingDays,
    List<String> departments, String content, String conditions, String legalBasis,
    String procedure, String fees, String rules) {}
