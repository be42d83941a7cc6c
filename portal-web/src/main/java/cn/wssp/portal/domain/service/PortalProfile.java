package cn.wssp.portal.domain.service;

import java.io.Serializable;

/**
 * What the use cases need to know of the portal's configuration, as plain values (the
 * infrastructure reads them from MicroProfile Config and produces this record).
 *
 * @param centerName the service center's name, printed on documents
 * @param publicUrl the address users reach the portal at, for links and QR codes
 * @param uploadMaxBytes hard cap of one upload (per-material limits are pre-review findings)
 * @param mailConfigured an SMTP server is configured, so e-mail copies of messages are sent
 * @param demoData the demo users and matters are on
 *     <p>Serializable: session-scoped beans hold it, and sessions may move between instances.
 */
public record PortalProfile(String centerName, String publicUrl, long uploadMaxBytes,
    boolean mailConfigured, boolean demoData) implements Serializable {}
