package metrics

import (
	"context"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"signaal/bot"
	"signaal/flows"
)

// The alert rules and the dashboard in monitoring/ name metrics by
// string. These tests keep them in step with the code: a metric renamed
// here must be renamed there, or CI fails. promtool (in .ci/run) checks
// the rules' syntax and behaviour; these check that what they name exists.

// metricNames returns the names of every metric family, with each
// histogram's _bucket, _sum and _count.
func metricNames(t *testing.T) map[string]bool {
	t.Helper()
	m := New(nil, "test")
	// A vector shows up in Gather only once it has a series: touch each.
	tg := m.Channel("telegram")
	tg.Called("sendMessage", 500)
	tg.Called("sendMessage", 429)
	tg.Retried("sendMessage", 500)
	m.observe("get", time.Millisecond, context.DeadlineExceeded)
	m.referrals.WithLabelValues("x")
	m.flows.WithLabelValues("x")
	_, _ = m.Wrap(handlerFunc(func(context.Context, bot.Update) (bot.Outcome, error) { return bot.Outcome{}, nil })).
		Handle(context.Background(), bot.Update{})
	m.Stepped(flows.Session{}, flows.Result{})
	fams, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range fams {
		names[f.GetName()] = true
		if f.GetType().String() == "HISTOGRAM" {
			for _, suffix := range []string{"_bucket", "_sum", "_count"} {
				names[f.GetName()+suffix] = true
			}
		}
	}
	return names
}

// ourMetric finds the names of our metrics in a PromQL expression.
var ourMetric = regexp.MustCompile(`\b` + Namespace + `_[a-z_]+\b`)

func checkExpr(t *testing.T, where, expr string, known map[string]bool) {
	t.Helper()
	used := ourMetric.FindAllString(expr, -1)
	if len(used) == 0 && !strings.Contains(expr, `up{job="signaal"}`) {
		t.Errorf("%s: expression %q names none of our metrics", where, expr)
	}
	for _, name := range used {
		if !known[name] {
			t.Errorf("%s: expression names %s, which the bot does not export", where, name)
		}
	}
}

type ruleFile struct {
	Groups []struct {
		Name  string `yaml:"name"`
		Rules []struct {
			Alert       string            `yaml:"alert"`
			Expr        string            `yaml:"expr"`
			For         string            `yaml:"for"`
			Labels      map[string]string `yaml:"labels"`
			Annotations map[string]string `yaml:"annotations"`
		} `yaml:"rules"`
	} `yaml:"groups"`
}

func TestAlertRules(t *testing.T) {
	raw, err := os.ReadFile("../../monitoring/alerts.yml")
	if err != nil {
		t.Fatal(err)
	}
	var rf ruleFile
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	dec.KnownFields(true)
	if err := dec.Decode(&rf); err != nil {
		t.Fatalf("monitoring/alerts.yml: %v", err)
	}
	known := metricNames(t)
	var alerts []string
	for _, g := range rf.Groups {
		for _, r := range g.Rules {
			where := "monitoring/alerts.yml " + r.Alert
			alerts = append(alerts, r.Alert)
			checkExpr(t, where, r.Expr, known)
			if s := r.Labels["severity"]; s != "critical" && s != "warning" {
				t.Errorf("%s: severity %q, want critical or warning", where, s)
			}
			if r.Annotations["summary"] == "" || r.Annotations["description"] == "" {
				t.Errorf("%s: want a summary and a description", where)
			}
		}
	}
	// The alerts the issue of running Signaal asks for, by what they watch.
	for _, want := range []string{"SignaalNotReceiving", "SignaalStoreErrors", "SignaalTelegramFloodWaits", "SignaalSafetyCardShown"} {
		if !slices.Contains(alerts, want) {
			t.Errorf("monitoring/alerts.yml has no alert %s; it has %v", want, alerts)
		}
	}
}

func TestDashboard(t *testing.T) {
	raw, err := os.ReadFile("../../monitoring/grafana-dashboard.json")
	if err != nil {
		t.Fatal(err)
	}
	var dash struct {
		UID    string `json:"uid"`
		Panels []struct {
			ID      int    `json:"id"`
			Type    string `json:"type"`
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(raw, &dash); err != nil {
		t.Fatalf("monitoring/grafana-dashboard.json: %v", err)
	}
	if dash.UID == "" {
		t.Error("dashboard has no uid; links to it would break on every import")
	}
	known := metricNames(t)
	ids := map[int]bool{}
	shown := map[string]bool{}
	for _, p := range dash.Panels {
		if ids[p.ID] {
			t.Errorf("panel %q: id %d is used twice", p.Title, p.ID)
		}
		ids[p.ID] = true
		if p.Type == "row" {
			continue
		}
		if len(p.Targets) == 0 {
			t.Errorf("panel %q shows nothing", p.Title)
		}
		for _, tg := range p.Targets {
			checkExpr(t, "dashboard panel "+p.Title, tg.Expr, known)
			for _, name := range ourMetric.FindAllString(tg.Expr, -1) {
				shown[strings.TrimSuffix(name, "_bucket")] = true
			}
		}
	}
	// Every metric of our own is on the dashboard: one added to the code
	// is added there too.
	for name := range known {
		if !strings.HasPrefix(name, Namespace+"_") || name == Namespace+"_build_info" ||
			strings.HasSuffix(name, "_sum") || strings.HasSuffix(name, "_count") || strings.HasSuffix(name, "_bucket") {
			continue
		}
		if !shown[name] {
			t.Errorf("metric %s is on no panel of monitoring/grafana-dashboard.json", name)
		}
	}
}
