/**
 * Inquiries (hỏi hàng): private conversations between a buyer organization and a supplier about a
 * product, a sourcing request or anything else, with read receipts per side, blocking and a daily
 * limit against spam, and the suppliers' response statistics that buyers see as a trust signal.
 */
package vn.htxconnect.inquiry;
