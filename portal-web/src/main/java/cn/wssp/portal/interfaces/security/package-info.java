/** Authentication: one Jakarta Security mechanism for the login page and API bearer tokens. */
package cn.wssp.portal.interfaces.security;
