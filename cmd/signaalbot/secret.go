package main

import (
	"errors"
	"fmt"
	"strings"

	"signaal/bot/telegram"
)

// The secrets an operator makes, SESSION_SECRET and
// TELEGRAM_WEBHOOK_SECRET, are checked here, the same way, before
// anything starts: a secret anyone could guess protects nothing, and a
// bot that starts with one looks fine until someone guesses it.

// minSessionSecret is the shortest SESSION_SECRET accepted: 32 bytes, the
// size of the HMAC-SHA256 key that makes session keys unguessable.
const minSessionSecret = 32

// minDistinct is the fewest different bytes a secret must hold. It is
// set by what `openssl rand -hex` makes, the way the README and every
// error here tell an operator to make one: hex has only 16 digits, so 64
// random ones hold all 16 only about three times in four (asking for 16
// would refuse one good secret in four), and in a million tries never
// fewer than 12; 32 random ones (openssl rand -hex 16) never held fewer
// than 8. A secret with fewer is a word, a pattern or a typing test, not
// a random one.
const minDistinct = 8

// howSession and howWebhook say how to make a good secret.
const (
	howSession = "make one with `openssl rand -hex 32`, give every bot instance the same value, and keep it secret " +
		"(changing it starts every conversation over)"
	howWebhook = "make one with `openssl rand -hex 32` and give every bot instance the same value"
)

// checkSessionSecret checks SESSION_SECRET as it was set (untrimmed).
// Sessions in Redis need it: without one, store.NewKeyer draws a random
// key per process, so instances would not share sessions and a restart
// would lose them all. When set it must be strong, with Redis or
// without: session keys are an HMAC of the chat id under it, and a
// secret that can be guessed lets anyone who sees the keys try chat ids
// until they match. The error says how to make a good one; it never
// repeats the secret.
func checkSessionSecret(secret string, redis bool) error {
	if secret == "" {
		if redis {
			return errors.New("SESSION_SECRET is not set, and sessions in Redis need it: their keys are an HMAC of the chat id under it; " + howSession)
		}
		return nil
	}
	if weak := weakness(secret, minSessionSecret); weak != "" {
		return fmt.Errorf("SESSION_SECRET is %s: session keys are an HMAC of the chat id under it, and a secret that can be guessed lets chat ids be found from the keys; %s",
			weak, howSession)
	}
	return nil
}

// checkWebhookSecret checks TELEGRAM_WEBHOOK_SECRET as it was set
// (untrimmed, not empty): Telegram sends it with every update, and the
// webhook takes only requests that carry it, so a secret that can be
// guessed lets anyone post updates as if they came from Telegram.
// Telegram allows 1 to 256 characters of A-Z, a-z, 0-9, _ and -.
func checkWebhookSecret(secret string) error {
	s := strings.TrimSpace(secret)
	if s != "" && !telegram.ValidSecret(s) {
		return errors.New("TELEGRAM_WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -; " + howWebhook)
	}
	if weak := weakness(secret, 1); weak != "" {
		return fmt.Errorf("TELEGRAM_WEBHOOK_SECRET is %s: anyone who guesses it can post updates to the webhook as if they came from Telegram; %s",
			weak, howWebhook)
	}
	return nil
}

// weakness says what makes secret, trimmed, easy to guess, or "" when
// nothing does: only white space, fewer than minLen bytes, one piece
// repeated, or fewer than minDistinct different bytes. The answer never
// contains the secret.
func weakness(secret string, minLen int) string {
	s := strings.TrimSpace(secret)
	if s == "" {
		return "only white space"
	}
	if len(s) < minLen {
		return fmt.Sprintf("%d bytes, fewer than the %d needed", len(s), minLen)
	}
	switch p := period(s); {
	case p == 1:
		return fmt.Sprintf("one character repeated %d times", len(s))
	case p <= len(s)/2:
		return fmt.Sprintf("a piece of %d characters repeated", p)
	}
	var seen [256]bool
	n := 0
	for i := 0; i < len(s); i++ {
		if !seen[s[i]] {
			seen[s[i]] = true
			n++
		}
	}
	if n < minDistinct {
		return fmt.Sprintf("only %d different characters, fewer than the %d a random one has", n, minDistinct)
	}
	return ""
}

// period returns the length of the shortest piece that s repeats from
// its start, the last time perhaps cut short: 1 for "aaaa", 3 for
// "abcabcab", len(s) when s repeats nothing.
func period(s string) int {
	// The failure function of Knuth, Morris and Pratt: fail[i] is the
	// length of the longest proper prefix of s[:i+1] that is also its
	// suffix.
	fail := make([]int, len(s))
	for i, k := 1, 0; i < len(s); i++ {
		for k > 0 && s[i] != s[k] {
			k = fail[k-1]
		}
		if s[i] == s[k] {
			k++
		}
		fail[i] = k
	}
	return len(s) - fail[len(s)-1]
}
