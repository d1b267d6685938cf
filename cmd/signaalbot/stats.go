package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"signaal/internal/metrics"
	"signaal/internal/stats"
)

// statsCmd prints the anonymous totals per day (conversations, quick
// exits, safety cards, flows entered, referrals per contact) for a report.
// It asks a running serve through its admin server, which reads them
// from Redis (the totals of every instance) or, with sessions in memory,
// from its own memory (since it started).
func (a *app) statsCmd(ctx context.Context, args []string) error {
	fs := a.flagSet("stats")
	set := a.bindSettings(fs, []setting{adminAddrSetting})
	days := fs.Int("days", 7, "how many days to show, today last (at most 400)")
	jsonOut := fs.Bool("json", false, "print the days as JSON, as the admin server's /stats gives them")
	if err := a.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *days < 1 || *days > stats.MaxDays {
		return fmt.Errorf("--days=%d: want 1 to %d", *days, stats.MaxDays)
	}
	addr := set.get("ADMIN_ADDR")
	if err := checkAddr(addr); err != nil {
		return fmt.Errorf("%s=%q: %v", set.where("ADMIN_ADDR"), addr, err)
	}
	status, body, err := adminGet(ctx, addr, "/stats?days="+strconv.Itoa(*days), 10*time.Second)
	if err != nil {
		return fmt.Errorf("%w (is signaalbot serve running with this ADMIN_ADDR?)", err)
	}
	if status != http.StatusOK {
		return fmt.Errorf("/stats answered %d: %s", status, strings.TrimSpace(string(body)))
	}
	var ds []stats.Day
	if err := json.Unmarshal(body, &ds); err != nil {
		return fmt.Errorf("/stats: %w", err)
	}
	if *jsonOut {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ds)
	}
	printStats(a.stdout, ds)
	return nil
}

// printStats writes one block a day, then the totals of the period.
func printStats(w io.Writer, days []stats.Day) {
	if len(days) == 0 {
		fmt.Fprintln(w, "no days")
		return
	}
	total := map[string]int64{}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, d := range days {
		fmt.Fprintf(tw, "%s\t\t\n", d.Date)
		if len(d.Counts) == 0 {
			fmt.Fprintf(tw, "  nothing counted\t\t\n")
		}
		for _, name := range statNames(d.Counts) {
			fmt.Fprintf(tw, "  %s\t%d\t\n", statLabel(name), d.Counts[name])
			total[name] += d.Counts[name]
		}
	}
	fmt.Fprintf(tw, "%s to %s\t\t\n", days[0].Date, days[len(days)-1].Date)
	for _, name := range statNames(total) {
		fmt.Fprintf(tw, "  %s\t%d\t\n", statLabel(name), total[name])
	}
	tw.Flush()
}

// statNames orders the names of a day: the conversation totals first,
// then flows, then referrals, each alphabetically.
func statNames(counts map[string]int64) []string {
	rank := func(name string) int {
		switch {
		case name == metrics.DailySessions:
			return 0
		case name == metrics.DailyQuickExits:
			return 1
		case name == metrics.DailySafetyCards:
			return 2
		case strings.HasPrefix(name, metrics.DailyFlowPrefix):
			return 3
		case strings.HasPrefix(name, metrics.DailyReferPrefix):
			return 4
		}
		return 5
	}
	names := slices.Collect(maps.Keys(counts))
	slices.SortFunc(names, func(a, b string) int {
		if r := rank(a) - rank(b); r != 0 {
			return r
		}
		return strings.Compare(a, b)
	})
	return names
}

// statLabel is how a name reads in the report.
func statLabel(name string) string {
	switch {
	case name == metrics.DailySessions:
		return "conversations started"
	case name == metrics.DailyQuickExits:
		return "quick exits"
	case name == metrics.DailySafetyCards:
		return "safety cards shown"
	case strings.HasPrefix(name, metrics.DailyFlowPrefix):
		return "flow " + strings.TrimPrefix(name, metrics.DailyFlowPrefix)
	case strings.HasPrefix(name, metrics.DailyReferPrefix):
		return "referred to " + strings.TrimPrefix(name, metrics.DailyReferPrefix)
	}
	return name
}
