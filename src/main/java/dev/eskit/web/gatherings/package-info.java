/** The gatherings' API. */
package dev.eskit.web.gatherings;
