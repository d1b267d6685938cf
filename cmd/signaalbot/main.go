// Command signaalbot runs Signaal.
//
//	signaalbot chat [--json] [--redis-url URL] [--content DIR]   talk to the bot in this terminal
//	signaalbot serve [flags]                                      run the Telegram bot
//	signaalbot lint [--content DIR]                               check content files
//	signaalbot graph [--content DIR] FLOW                         print a flow as a Mermaid diagram
//	signaalbot qr [--out FILE] --username NAME PAYLOAD            a QR code for a deep link
//
// This package only wires things together: configuration comes from flags
// and the environment, everything else lives in the packages it calls.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a := &app{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(a.run(ctx, os.Args[1:]))
}

const usage = `usage: signaalbot <command> [flags]

commands:
  chat    talk to the bot in this terminal (no token, no Redis needed)
  serve   run the Telegram bot
  lint    check content files and report problems with file and line
  graph   print a flow as a Mermaid diagram
  qr      write a QR code (PNG) for a deep link into the bot
`

// run dispatches to a subcommand and returns the process exit code.
func (a *app) run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(a.stderr, usage)
		return 2
	}
	cmds := map[string]func(context.Context, []string) error{
		"chat":  a.chat,
		"lint":  a.lint,
		"graph": a.graph,
		"serve": a.serve,
		"qr":    a.qr,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		if args[0] != "help" && args[0] != "-h" && args[0] != "--help" {
			fmt.Fprintf(a.stderr, "signaalbot: unknown command %q\n", args[0])
		}
		fmt.Fprint(a.stderr, usage)
		return 2
	}
	if err := cmd(ctx, args[1:]); err != nil {
		if err != errUsage {
			fmt.Fprintf(a.stderr, "signaalbot %s: %v\n", args[0], err)
		}
		return 1
	}
	return 0
}

// app holds the process's outside world, so tests can run subcommands
// with their own input, output and environment.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}
