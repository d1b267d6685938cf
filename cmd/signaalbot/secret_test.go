package main

import (
	"encoding/base64"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
)

// Secrets as an operator makes them, for tests that need one that is
// accepted: testSessionSecret as from `openssl rand -hex 32`.
const (
	testSessionSecret = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
	testWebhookSecret = "Gq7-vX2_pL9mZt4kR8sWc1Ny"
)

// TestServeConfigSecrets checks that serve refuses a SESSION_SECRET or
// TELEGRAM_WEBHOOK_SECRET that is easy to guess, with one line that
// names the variable, says how to make a good one and does not repeat
// the secret, and that it takes secrets made the way that line says.
func TestServeConfigSecrets(t *testing.T) {
	const token = "123:abc"
	withRedis := func(secret string) map[string]string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": token, "REDIS_URL": "redis://127.0.0.1:6379/0", "SESSION_SECRET": secret}
	}
	inMemory := func(secret string) map[string]string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": token, "SESSION_SECRET": secret}
	}
	webhook := func(secret string) map[string]string {
		return map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/tg", "TELEGRAM_WEBHOOK_SECRET": secret}
	}
	tests := []struct {
		name   string
		env    map[string]string
		secret string // the secret in env, which the error must not repeat
		want   string // part of the one error line; "" for none
	}{
		{"session: 40 spaces", withRedis(strings.Repeat(" ", 40)), "", "SESSION_SECRET is only white space"},
		{"session: tabs and newlines", withRedis("\t\n\t \n"), "", "SESSION_SECRET is only white space"},
		{"session: 32 times a", withRedis(strings.Repeat("a", 32)), "aaaa", "SESSION_SECRET is one character repeated 32 times"},
		{"session: one character, in memory too", inMemory(strings.Repeat("z", 40)), "zzzz", "SESSION_SECRET is one character repeated 40 times"},
		{"session: white space, in memory too", inMemory("   "), "", "SESSION_SECRET is only white space"},
		{"session: short once trimmed", withRedis("  " + testSessionSecret[:31] + "\n"), testSessionSecret[:31], "SESSION_SECRET is 31 bytes, fewer than the 32 needed"},
		{"session: a piece repeated", withRedis("0123456789abcdef0123456789abcdef"), "0123456789abcdef", "SESSION_SECRET is a piece of 16 characters repeated"},
		{"session: a piece repeated, cut short", withRedis("passw0rd!passw0rd!passw0rd!passw0"), "passw0rd", "SESSION_SECRET is a piece of 9 characters repeated"},
		{"session: two different characters", withRedis("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb"), "aaaabbbb", "SESSION_SECRET is only 2 different characters, fewer than the 8"},
		{"session: openssl rand -hex 32", withRedis(testSessionSecret), "", ""},
		{"session: openssl rand -hex 16", withRedis("5d41402abc4b2a76b9719d911017c592"), "", ""},
		{"session: openssl rand -base64 32, with a newline", withRedis("q3sDRKdGQ9Ul0bXk0a0B4o0V1ZC3HMf6n8m2Bw7sZ2c=\n"), "", ""},
		{"session: in memory, strong", inMemory(testSessionSecret), "", ""},
		{"webhook: 40 spaces", webhook(strings.Repeat(" ", 40)), "", "TELEGRAM_WEBHOOK_SECRET is only white space"},
		{"webhook: 32 times a", webhook(strings.Repeat("a", 32)), "aaaa", "TELEGRAM_WEBHOOK_SECRET is one character repeated 32 times"},
		{"webhook: a piece repeated", webhook("secret-secret-secret"), "secret", "TELEGRAM_WEBHOOK_SECRET is a piece of 7 characters repeated"},
		{"webhook: three different characters", webhook("aaaabbbbcccc"), "aaaabbbbcccc", "TELEGRAM_WEBHOOK_SECRET is only 3 different characters"},
		{"webhook: a character Telegram refuses", webhook("Gq7-vX2_pL9mZt4k R8sWc1Ny"), "Gq7-vX2_pL9mZt4k", "TELEGRAM_WEBHOOK_SECRET must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -"},
		{"webhook: openssl rand -hex 32", webhook(testSessionSecret), "", ""},
		{"webhook: random, A-Z a-z 0-9 _ -", webhook(testWebhookSecret), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readServeConfig(serveSettingsFor(t, tt.env))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("readServeConfig(%s) = %v, want nil", tt.name, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("readServeConfig(%s) = nil, want an error saying %q", tt.name, tt.want)
			}
			msg := err.Error()
			if strings.Count(msg, "\n") != 0 || !strings.Contains(msg, tt.want) || !strings.Contains(msg, "openssl rand -hex 32") {
				t.Errorf("readServeConfig(%s) = %q, want one line saying %q and how to make a secret (openssl rand -hex 32)", tt.name, msg, tt.want)
			}
			if tt.secret != "" && strings.Contains(msg, tt.secret) {
				t.Errorf("readServeConfig(%s) = %q, repeats the secret", tt.name, msg)
			}
		})
	}
}

// TestRandomSecretsPass makes secrets the ways the README and the errors
// suggest, from a seeded generator, and checks that the weakness check
// takes every one: a rule that refused some of them would send an
// operator who followed the advice back for another try.
func TestRandomSecretsPass(t *testing.T) {
	r := rand.New(rand.NewChaCha8([32]byte{'s', 'i', 'g', 'n', 'a', 'a', 'l'}))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		return b
	}
	makers := []struct {
		name string
		make func() string
	}{
		{"openssl rand -hex 32", func() string { return hex.EncodeToString(random(32)) }},
		{"openssl rand -hex 16", func() string { return hex.EncodeToString(random(16)) }},
		{"openssl rand -base64 32", func() string { return base64.StdEncoding.EncodeToString(random(32)) }},
	}
	for _, m := range makers {
		t.Run(m.name, func(t *testing.T) {
			for range 20000 {
				s := m.make()
				if why := weakness(s, minSessionSecret); why != "" {
					t.Fatalf("weakness(%s) = %q, want it taken", s, why)
				}
			}
		})
	}
}
