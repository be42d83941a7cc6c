/**
 * The web pages' backing beans (Jakarta Faces + PrimeFaces): they call the application services
 * with the current actor and show domain messages (Chinese) as Faces messages.
 */
package cn.wssp.portal.interfaces.web;
