package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"

	qrcode "github.com/skip2/go-qrcode"

	"signaal/bot/telegram"
	"signaal/flows"
)

// botUsername is what Telegram allows as a bot's username: 5-32
// characters of letters, digits and underscores, starting with a letter and
// ending in "bot".
var botUsername = regexp.MustCompile(`(?i)^[a-z][a-z0-9_]{1,28}bot$`)

// qr writes a QR code (PNG) for a deep link that opens a flow of the bot
// directly, for a poster or a factsheet: scanning it opens Telegram with
// "/start <payload>".
func (a *app) qr(_ context.Context, args []string) error {
	fs := a.flagSet("qr")
	out := fs.String("out", "", "PNG file to write (default: PAYLOAD.png)")
	username := fs.String("username", "", "the bot's Telegram username (default: $TELEGRAM_BOT_USERNAME)")
	size := fs.Int("size", 512, "width and height of the image in pixels")
	dir := fs.String("content", "", "content directory whose flows are checked (default: the embedded content)")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	c, _, err := loadContent(*dir)
	if err != nil {
		return fmt.Errorf("content is invalid:\n%w", err)
	}
	// A link on a printed poster cannot be fixed later: refuse a payload
	// that would not open a flow.
	var payloads []string
	for _, id := range c.FlowOrder {
		if id != flows.StartFlow {
			payloads = append(payloads, id)
		}
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("name one flow to open: %s", strings.Join(payloads, ", "))
	}
	payload := fs.Arg(0)
	if !slices.Contains(payloads, payload) {
		return fmt.Errorf("%q is not a flow a deep link can open; flows: %s", payload, strings.Join(payloads, ", "))
	}
	name := strings.TrimPrefix(strings.TrimSpace(*username), "@")
	if name == "" {
		name = strings.TrimPrefix(strings.TrimSpace(a.getenv("TELEGRAM_BOT_USERNAME")), "@")
	}
	if name == "" {
		return errors.New("give the bot's username with --username or TELEGRAM_BOT_USERNAME")
	}
	if !botUsername.MatchString(name) {
		return fmt.Errorf("%q is not a bot username (5-32 letters, digits or _, ending in \"bot\")", name)
	}
	if *size < 64 || *size > 8192 {
		return fmt.Errorf("--size %d: want 64 to 8192 pixels", *size)
	}
	if *out == "" {
		*out = payload + ".png"
	}
	link := telegram.DeepLink(name, payload)
	// Medium error correction still scans from a creased or partly
	// covered poster, and keeps the code coarse enough to print small.
	png, err := qrcode.Encode(link, qrcode.Medium, *size)
	if err != nil {
		return fmt.Errorf("QR code for %s: %w", link, err)
	}
	if err := os.WriteFile(*out, png, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%s -> %s\n", link, *out)
	return nil
}
