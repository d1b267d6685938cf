// Command signaalbot runs Signaal.
//
//	signaalbot chat [--json] [--lang LANG] [--content DIR] [--redis-url URL]   talk to the bot in this terminal
//	signaalbot serve [flags]                                                   run the bot: Telegram, the web chat, or both
//	signaalbot lint [--content DIR]                                            check content files
//	signaalbot graph [--content DIR] [--lang LANG] FLOW                        print a flow as a Mermaid diagram
//	signaalbot explain [--content DIR] [--lang LANG] TEXT                      what the bot understands of a message, and why
//	signaalbot qr [--out FILE] [--size PX] [--username NAME] FLOW              a QR code for a deep link
//	signaalbot healthcheck [--admin-addr ADDR]                                 exit 0 when a running serve is alive
//	signaalbot stats [--admin-addr ADDR] [--days N] [--json]                   anonymous totals per day of a running serve
//	signaalbot help [COMMAND]                                                  the commands, or one command's flags
//
// This package only wires things together: configuration comes from flags
// and the environment, everything else lives in the packages it calls.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"signaal/internal/retry"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a := &app{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(a.run(ctx, os.Args[1:]))
}

// app holds the process's outside world, so tests can run subcommands
// with their own input, output and environment.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// clock is the time serve's Telegram channel waits on for
	// Telegram's limits, retry_after and back-off; the machine's when its
	// fields are nil, as in main.
	clock retry.Clock
}

// command is one subcommand. The overview and each command's --help are
// made from these, so that they cannot drift apart.
type command struct {
	name    string
	args    string // what follows the name in the synopsis
	summary string // one line for the overview
	run     func(context.Context, []string) error
}

// commands returns the subcommands in the order the overview lists them.
// It is a method rather than a table in a variable because the commands
// look themselves up in it for their usage, which would make a package
// variable refer to itself.
func (a *app) commands() []command {
	return []command{
		{"chat", "[--json] [--lang LANG] [--content DIR] [--redis-url URL]", "talk to the bot in this terminal (no token, no Redis needed)", a.chat},
		{"serve", "[flags]", "run the bot on Telegram (TELEGRAM_BOT_TOKEN), as a web chat (WEB_ADDR), or both", a.serve},
		{"lint", "[--content DIR]", "check content files and report problems with file and line", a.lint},
		{"graph", "[--content DIR] [--lang LANG] FLOW", "print a flow as a Mermaid diagram", a.graph},
		{"explain", "[--content DIR] [--lang LANG] TEXT", "show what the bot understands of a message, why, and its answer", a.explain},
		{"qr", "[--out FILE] [--size PX] [--username NAME] [--content DIR] FLOW", "write a QR code (PNG) for a deep link into the bot", a.qr},
		{"healthcheck", "[--admin-addr ADDR]", "exit 0 when the admin server of a running serve says it is alive (for HEALTHCHECK)", a.healthcheck},
		{"stats", "[--admin-addr ADDR] [--days N] [--json]", "print the anonymous totals per day (flows, referrals) of a running serve", a.statsCmd},
		{"loadtest", "[--users N] [--duration D] [--redis-url URL] [--json]", "simulated people through the real Telegram channel, with figures", a.loadtest},
	}
}

func (a *app) lookup(name string) (command, bool) {
	for _, c := range a.commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// overview writes the list of commands.
func (a *app) overview(w io.Writer) {
	fmt.Fprint(w, "usage: signaalbot <command> [flags]\n\ncommands:\n")
	for _, c := range a.commands() {
		fmt.Fprintf(w, "  %-11s  %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\n\"signaalbot help <command>\" or \"signaalbot <command> --help\" shows a command's flags.\n")
}

// run dispatches to a subcommand and returns the process exit code: 0 when
// it succeeded or help was asked for, 1 when it failed, 2 for a mistake in
// the command line.
func (a *app) run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		a.overview(a.stderr)
		return 2
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) == 0 {
			a.overview(a.stdout)
			return 0
		}
		if len(rest) > 1 {
			fmt.Fprintf(a.stderr, "signaalbot %s: name one command\n\n", name)
			a.overview(a.stderr)
			return 2
		}
		// A command's own -h prints its usage and flags and does nothing
		// else, which is what "help COMMAND" asks for.
		name, rest = rest[0], []string{"-h"}
	}
	c, ok := a.lookup(name)
	if !ok {
		fmt.Fprintf(a.stderr, "signaalbot: unknown command %q\n\n", name)
		a.overview(a.stderr)
		return 2
	}
	switch err := c.run(ctx, rest); {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	default:
		fmt.Fprintf(a.stderr, "signaalbot %s: %v\n", name, err)
		return 1
	}
}
