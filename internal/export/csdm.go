package export

import (
	"bytes"
	"encoding/csv"
	"sort"
	"strconv"
	"strings"

	"github.com/svccat/svccat/internal/catalog"
)

// The CSDM export's files.
const (
	BusinessServicesFile  = "business_services.csv"
	TechnicalServicesFile = "technical_services.csv"
	RelationshipsFile     = "relationships.csv"
)

// CSDMRelationshipType is the CMDB relationship type of a dependency: the
// parent depends on the child, the child is used by the parent.
const CSDMRelationshipType = "Depends on::Used by"

// ServiceNow CMDB classes of the two service files.
const (
	BusinessServiceClass  = "cmdb_ci_service_business"
	TechnicalServiceClass = "cmdb_ci_service_technical"
)

// ServiceColumns are the columns of both service files, in order.
var ServiceColumns = []string{
	"name", "display_name", "description", "service_classification",
	"owner", "owner_svccat_id", "criticality", "operational_status", "lifecycle",
	"tier", "rto", "rpo", "segments", "sites", "svccat_id",
}

// RelationshipColumns are the columns of relationships.csv, in order.
var RelationshipColumns = []string{
	"parent", "child", "type", "parent_class", "child_class",
	"dependency", "weight", "parent_svccat_id", "child_svccat_id",
}

// CSDMCriticality maps an impact tier to ServiceNow's business
// criticality; no tier is "" (not set).
func CSDMCriticality(tier *int) string {
	if tier == nil {
		return ""
	}
	switch *tier {
	case 0, 1:
		return "1 - most critical"
	case 2:
		return "2 - somewhat critical"
	case 3:
		return "3 - less critical"
	}
	return "4 - not critical"
}

// CSDMOperationalStatus maps a svccat lifecycle to the CMDB's operational
// status: a pipeline service is Pipeline, a live or retiring one
// Operational (retiring services are live until they go).
func CSDMOperationalStatus(l string) string {
	if l == catalog.Pipeline {
		return "Pipeline"
	}
	return "Operational"
}

func serviceClass(s *catalog.Service) string {
	if s.IsBusiness() {
		return BusinessServiceClass
	}
	return TechnicalServiceClass
}

func buildCSDM(c *catalog.Catalog) (*Export, error) {
	_, notes := retiredDependencies(c)
	business := [][]string{ServiceColumns}
	technical := [][]string{ServiceColumns}
	rels := [][]string{RelationshipColumns}
	type edge struct{ parent, child string }
	var edges []edge
	deps := map[edge]*catalog.Dependency{}
	for _, s := range c.Services {
		if !Exported(s) {
			continue
		}
		row := serviceRow(s)
		if s.IsBusiness() {
			business = append(business, row)
		} else {
			technical = append(technical, row)
		}
		for _, d := range s.DependsOn {
			if d.To == nil || !Exported(d.To) {
				continue
			}
			// A dependency listed twice is one relationship (the
			// duplicate-reference rule reports the repeat).
			e := edge{s.Name, d.To.Name}
			if deps[e] == nil {
				deps[e] = d
				edges = append(edges, e)
			}
		}
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].parent != edges[j].parent {
			return edges[i].parent < edges[j].parent
		}
		return edges[i].child < edges[j].child
	})
	for _, e := range edges {
		d := deps[e]
		typ := "soft"
		if d.Hard {
			typ = "hard"
		}
		rels = append(rels, []string{e.parent, e.child, CSDMRelationshipType, serviceClass(d.From), serviceClass(d.To),
			typ, d.Weight.String(), d.From.ID(), d.To.ID()})
	}
	out := &Export{Format: CSDM, Notes: notes}
	for _, f := range []struct {
		name string
		rows [][]string
	}{{BusinessServicesFile, business}, {TechnicalServicesFile, technical}, {RelationshipsFile, rels}} {
		data, err := csvBytes(f.rows)
		if err != nil {
			return nil, err
		}
		out.Files = append(out.Files, File{Name: f.name, Data: data})
	}
	return out, nil
}

func serviceRow(s *catalog.Service) []string {
	class := "Technical Service"
	if s.IsBusiness() {
		class = "Business Service"
	}
	owner, ownerID := "", ""
	if s.Owner.Name != "" {
		owner, ownerID = s.Owner.Name, catalog.KindTeam+"/"+s.Owner.Name
		if s.Team != nil {
			owner = s.Team.DisplayName()
		}
	}
	tier := ""
	if s.Impact.Tier != nil {
		tier = strconv.Itoa(*s.Impact.Tier)
	}
	return []string{
		s.Name, s.Title, s.Description, class,
		owner, ownerID, CSDMCriticality(s.Impact.Tier), CSDMOperationalStatus(lifecycle(s)), lifecycle(s),
		tier, optDuration(s.Impact.RTO), optDuration(s.Impact.RPO), refNames(s.SegmentRefs), refNames(s.SiteRefs), s.ID(),
	}
}

func optDuration(d catalog.Duration) string {
	if !d.Set {
		return ""
	}
	return durationText(d.D)
}

// csvBytes writes RFC 4180 CSV: fields quoted where needed, CRLF line
// ends as the RFC has them (and ServiceNow's import accepts).
func csvBytes(rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	for _, r := range rows {
		for i, f := range r {
			// Line ends inside a value become LF (quoted), so they read
			// back the same whatever the reader does with CRLF.
			r[i] = strings.ReplaceAll(strings.ReplaceAll(f, "\r\n", "\n"), "\r", "\n")
		}
		if err := w.Write(r); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}
