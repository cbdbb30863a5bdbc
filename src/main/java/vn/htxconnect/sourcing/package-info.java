/**
 * Sourcing requests (RFQ): buyer organizations post what they need, when, where and under which
 * conditions; matching ranks suppliers' products for a request, and open requests for a product
 * ("leads"), with every score explained factor by factor from the numbers that produced it; suppliers
 * answer requests with quotes, which buyers accept (publishing {@link vn.htxconnect.sourcing.QuoteAccepted}) or decline.
 */
package vn.htxconnect.sourcing;
