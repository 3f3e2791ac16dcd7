package rules

import (
	"path/filepath"
	"testing"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/load"
	"github.com/svccat/svccat/internal/source"
)

// TestReadName pins the morphology and grammar: what a name alone reads
// as, and the words that made it so.
func TestReadName(t *testing.T) {
	lex := defaultLexicon()
	x := newExtras([]string{"Mainframe", "batch-scheduling", " "}, []string{"grid"})
	type want struct {
		level  int
		phrase string
	}
	for in, w := range map[string]want{
		// an activity on an object, in any order and form
		"Server Administration":             {internalReading, "server administration"},
		"server-administration":             {internalReading, "server administration"},
		"linux_server_support":              {internalReading, "linux server support"},
		"SERVERS ADMINISTRATION":            {internalReading, "servers administration"},
		"Server and Storage Administration": {internalReading, "server and storage administration"},
		"Administration of Servers":         {internalReading, "administration of servers"},
		"Managing Storage":                  {internalReading, "managing storage"},
		"Administering Windows Hosts":       {internalReading, "administering windows hosts"},
		"Maintenance of Core Switches":      {internalReading, "maintenance of core switches"},
		"Cartridge Robot Management":        {internalReading, "cartridge robot management"},
		"Database Backup":                   {internalReading, "database backup"},
		"Printer Fleet Maintenance":         {internalReading, "printer fleet maintenance"},
		"Directories Maintenance":           {internalReading, "directories maintenance"},
		"Mail Mgmt":                         {internalReading, "mail mgmt"},
		"Svr Maint":                         {internalReading, "svr maint"},
		"VMs Provisioning":                  {internalReading, "vms provisioning"},
		"Cloud Subscription Provisioning":   {internalReading, "cloud subscription provisioning"},
		"SSL Certificate Renewal":           {internalReading, "ssl certificate renewal"},
		"Firmware Updates":                  {internalReading, "firmware updates"},
		"Data Centre Power Management":      {internalReading, "data centre power management"},
		"Mainframe Operations":              {internalReading, "mainframe operations"}, // configured term
		// practices, jargon, activities only IT does
		"Change Management":          {internalReading, "change management"},
		"Incident Management":        {internalReading, "incident management"},
		"Release Management":         {internalReading, "release management"},
		"Capacity Management":        {internalReading, "capacity management"},
		"SysAdmin":                   {internalReading, "sysadmin"},
		"SysOps":                     {internalReading, "sysops"},
		"DC Ops":                     {internalReading, "dc ops"},
		"NOC":                        {internalReading, "noc"},
		"Patching":                   {internalReading, "patching"},
		"Monthly Patching Window":    {internalReading, "patching"},
		"Backups":                    {internalReading, "backups"},
		"Batch Scheduling":           {internalReading, "batch scheduling"}, // configured phrase
		"DR Testing":                 {internalReading, "dr (disaster recovery)"},
		"Backup & Restore":           {internalReading, "backup and restore"},
		"Infra Ops":                  {internalReading, "infra ops"},
		"Restoration of Servers":     {internalReading, "restoration of servers"},
		"Support for Linux Servers":  {internalReading, "support for linux servers"},
		"Replication Monitoring":     {internalReading, "replication"},
		"Rack and Stack":             {internalReading, "rack and stack"},
		"Wireless LANs Maintenance":  {internalReading, "wireless lans maintenance"},
		"Database Management (SQL)":  {internalReading, "database management"},
		"Endpoint Protection":        {internalReading, "endpoint protection"},
		"Laptop Refresh":             {internalReading, "laptop refresh"},
		"Golden Image Builds":        {internalReading, "golden image builds"},
		"Hosting":                    {internalReading, "hosting"},
		"PostgreSQL Hosting":         {internalReading, "postgresql hosting"},
		"Hypervisor Patch Cycle Ops": {internalReading, "hypervisor patch cycle ops"},
		// infrastructure alone
		"Linux Servers":                   {infrastructureReading, "linux servers"},
		"Block Storage":                   {infrastructureReading, "block storage"},
		"Active Directory":                {infrastructureReading, "active directory"},
		"Mainframe":                       {infrastructureReading, "mainframe"},
		"Shared Infrastructure":           {infrastructureReading, "infrastructure"},
		"Managed Backup":                  {infrastructureReading, "backup"}, // lowered a step
		"Server Monitoring for Us":        {infrastructureReading, "server monitoring"},
		"Endpoint Protection for Schools": {infrastructureReading, "endpoint protection"},
		// business
		"Customer Relationship Management": {}, "ERP and Financial Management": {},
		"Document Management": {}, "Payroll Processing": {}, "Recruiting Support": {},
		"Corporate Email": {}, "Online Ordering": {}, "": {},
		"Claims Administration": {}, "Policy Administration": {}, "Fleet Maintenance": {},
		"Remote Patient Monitoring": {}, "Card Fraud Monitoring": {}, "Order Management": {},
		"Loan Application Processing": {}, "Patient Portal Support": {}, "Business Operations": {},
		"Sales Operations": {}, "Windows 11 Laptops": {}, "Customer Support Desk": {},
		"Identity and Access Management": {}, "Storage for Recruiting": {}, "Print & Scan": {},
		"Managed Network Services": {}, "Guest Wi-Fi": {}, "Email Marketing": {},
		"Atlantic Health Plans": {}, "Orlans Logistics": {}, "San Diego Support Office": {},
		"Debt Recovery": {}, "Event Hosting": {}, "Income Protection": {},
		"Grid Maintenance":         {}, // allowed word
		"Mainframe Cost Reporting": {}, "Nightly Batch Schedule": {},
		"Managed Backup for Law Firms": {},
	} {
		r := lex.read(in, x)
		if r.level != w.level || w.level > noReading && r.phrase != w.phrase {
			t.Errorf("read(%q) = level %d %q, want level %d %q", in, r.level, r.phrase, w.level, w.phrase)
		}
	}
}

// TestIndustrySenses: a technical-sounding word is the business itself in
// a catalog of its industry, and only there.
func TestIndustrySenses(t *testing.T) {
	lex := defaultLexicon()
	ctx := newFocusContext(lex)
	seg := func(title, market string) *catalog.Segment {
		return &catalog.Segment{Entity: catalog.Entity{Title: title}, Audience: "external", Market: &catalog.Market{Entity: catalog.Entity{Title: market}}}
	}
	for _, c := range []struct {
		title    string
		segment  *catalog.Segment
		internal bool
	}{
		{"Grid Maintenance", seg("Connected Households", "Electricity Distribution"), false},
		{"Grid Maintenance", seg("Research Groups", "High-Performance Computing"), true},
		{"Network Maintenance", seg("Water Supply Customers", "Drinking Water"), false},
		{"Network Maintenance", nil, true},
		{"Track Circuit Monitoring", seg("Passenger Operators", "Rail Network Access"), false},
		{"Container Tracking", seg("Exporters", "Ocean Freight"), false},
		{"Temperature Sensor Monitoring", seg("Restaurant Chains", "Foodservice Distribution"), false},
		{"Temperature Sensor Monitoring", nil, true},
	} {
		s := &catalog.Service{Entity: catalog.Entity{Kind: catalog.KindService, Name: "s", Title: c.title}, Type: catalog.Business}
		if c.segment != nil {
			s.Segments = []*catalog.Segment{c.segment}
		}
		a := assessFocus(lex, newExtras(nil, nil), ctx, s)
		if got := a.name.level == internalReading; got != c.internal {
			t.Errorf("%q in segment %v: internal reading %v, want %v", c.title, c.segment, got, c.internal)
		}
	}
}

// TestSeverities: strong words are an error, weaker evidence a warning, a
// product sold to paying customers at most info; a configured severity
// replaces the error and caps the rest.
func TestSeverities(t *testing.T) {
	dir := filepath.Join("testdata", "internal-focus")
	c := load.Catalog([]string{dir}, load.Options{})
	run := func(severity string) map[string]finding.Severity {
		cfg, err := load.Config("", []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		if severity != "" {
			cfg.Rules = map[string]config.RuleSetting{InternalFocus.Name: {Severity: severity}}
		}
		res, err := lint.Run(c, cfg, []*lint.Rule{InternalFocus})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]finding.Severity{}
		for _, f := range res.Findings {
			got[f.Entity] = f.Severity
		}
		return got
	}
	want := map[string]finding.Severity{
		"Service/server-administration":    finding.Error,
		"Service/virtual-servers":          finding.Error,
		"Service/keystone":                 finding.Warning,
		"Service/block-storage":            finding.Warning,
		"Service/bedrock":                  finding.Warning,
		"Service/server-monitoring":        finding.Info,
		"Service/grid-maintenance":         0,
		"Service/managed-backup-law-firms": 0,
	}
	got := run("")
	for e, sev := range want {
		if got[e] != sev {
			t.Errorf("%s: severity %v, want %v", e, got[e], sev)
		}
	}
	capped := run("warning")
	for e, sev := range want {
		if sev == finding.Error {
			sev = finding.Warning
		}
		if capped[e] != sev {
			t.Errorf("with internal-focus: warning, %s: severity %v, want %v", e, capped[e], sev)
		}
	}
	for e, sev := range run("info") {
		if sev != finding.Info {
			t.Errorf("with internal-focus: info, %s: severity %v, want info", e, sev)
		}
	}
	if off := run("off"); len(off) != 0 {
		t.Errorf("with internal-focus: off, %d findings", len(off))
	}
}

// TestSignalsAlone: a neutral name is flagged by strong technical
// signals, never by missing touchpoints and experience alone.
func TestSignalsAlone(t *testing.T) {
	lex := defaultLexicon()
	ctx := newFocusContext(lex)
	bare := &catalog.Service{Entity: catalog.Entity{Kind: catalog.KindService, Name: "atlas", Title: "Atlas"}, Type: catalog.Business}
	if a := assessFocus(lex, newExtras(nil, nil), ctx, bare); a.severity != 0 {
		t.Errorf("a bare neutral name: %v, want no finding", a.severity)
	}
	tech := &catalog.Service{Entity: catalog.Entity{Kind: catalog.KindService, Name: "atlas", Title: "Atlas"}, Type: catalog.Business,
		Consumption: &catalog.Consumption{Unit: "TB"}}
	for i := range 3 {
		from := &catalog.Service{Entity: catalog.Entity{Kind: catalog.KindService, Name: string(rune('a' + i))}, Type: catalog.Business}
		tech.Dependents = append(tech.Dependents, &catalog.Dependency{From: from, To: tech, Hard: true, Pos: source.Pos{}})
	}
	a := assessFocus(lex, newExtras(nil, nil), ctx, tech)
	if a.severity != finding.Warning {
		t.Errorf("per TB with 3 business dependents: %v, want warning", a.severity)
	}
	if got, want := a.key(tech), "atlas"; got != want {
		t.Errorf("key %q, want the service name %q", got, want)
	}
}
