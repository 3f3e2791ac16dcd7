package rules

import "testing"

func TestTechnicalPhrase(t *testing.T) {
	flagged := map[string]string{
		"Server Administration":             "server administration",
		"Database Management":               "database management",
		"Network Operations":                "network operations",
		"Patch Management":                  "patch management",
		"Storage Provisioning":              "storage provisioning",
		"Backup Administration":             "backup administration",
		"Firewall Management":               "firewall management",
		"Active Directory Maintenance":      "active directory maintenance",
		"Linux Server Support":              "linux server support",
		"VM Provisioning":                   "vm provisioning",
		"Data Center Operations":            "data center operations",
		"Patching":                          "patching",
		"server-administration":             "server administration",
		"linux_server_support":              "linux server support",
		"SERVERS ADMINISTRATION":            "servers administration",
		"Patches Management":                "patches management",
		"Directories Maintenance":           "directories maintenance",
		"Server and Storage Administration": "server and storage administration",
		"Administration of Servers":         "administration of servers",
		"Database Backup":                   "database backup",
		"Windows Server Patching":           "windows server patching",
		"datacenter-ops":                    "datacenter ops",
		"Systems Administration":            "systems administration",
		"Monthly Patching Window":           "patching",
		"Desktop Support":                   "desktop support",
		"Laptop Provisioning":               "laptop provisioning",
		"Printer Management":                "printer management",
		"Workstation Deployment":            "workstation deployment",
	}
	outcomes := []string{
		"Customer Relationship Management", "ERP and Financial Management",
		"Document Management", "Payroll Processing", "Recruiting Support",
		"Corporate Email", "Online Ordering", "",
		// A technical object without a function, or a function without
		// a technical object, is no technical function.
		"Backup", "Network", "Support", "Management", "Website Hosting",
		"Customer Support Desk", "Identity and Access Management",
		"Business Operations", "Sales Operations", "Windows 11 Laptops",
		"Storage for Recruiting", "Managed Network Services",
	}
	v := newVocabulary(nil)
	for in, want := range flagged {
		if got := v.technicalPhrase(in); got != want {
			t.Errorf("technicalPhrase(%q) = %q, want %q", in, got, want)
		}
	}
	for _, in := range outcomes {
		if got := v.technicalPhrase(in); got != "" {
			t.Errorf("technicalPhrase(%q) = %q, want no technical function", in, got)
		}
	}
}

func TestTechnicalPhraseConfiguredTerms(t *testing.T) {
	v := newVocabulary([]string{"Mainframe", "batch-scheduling", " "})
	for in, want := range map[string]string{
		"Mainframe Operations":   "mainframe operations",
		"Mainframes Support":     "mainframes support",
		"Batch Scheduling":       "batch scheduling",
		"Nightly Batch Schedule": "",
		"Mainframe":              "",
		"Server Administration":  "server administration", // defaults stay
	} {
		if got := v.technicalPhrase(in); got != want {
			t.Errorf("technicalPhrase(%q) = %q, want %q", in, got, want)
		}
	}
}
