/** REST API v1 (API.md): thin resources that validate input, name the actor and delegate. */
package cn.wssp.portal.interfaces.rest;
