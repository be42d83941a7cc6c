/** Working days for the legal time limits (限时办结): pure Java, no framework. */
package cn.wssp.portal.domain.calendar;
