/** Crypto-shredding: personal values sealed with a key per data subject, destroyed on erasure. */
package dev.eskit.commands.personal;
