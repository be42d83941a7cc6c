/** The domain's {@code Seals} on the signing module: the center's PKI, TSA and PAdES signer. */
package cn.wssp.portal.infrastructure.signing;
