package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cuelang.org/go/cue/cuecontext"

	"github.com/svccat/svccat/internal/jsonschema"
	"github.com/svccat/svccat/schema"
)

// TestSchemaCommand: the command prints the embedded CUE schema as it is,
// and the JSON Schema the generator makes of it, to stdout or -o.
func TestSchemaCommand(t *testing.T) {
	gen := func(d jsonschema.Draft) string {
		out, err := jsonschema.Generate(cuecontext.New().CompileString(schema.Source), d)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	file := filepath.Join(t.TempDir(), "catalog.schema.json")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"schema"}, schema.Source + "\n" + schema.ConfigSource},
		{[]string{"schema", "--format", "cue"}, schema.Source + "\n" + schema.ConfigSource},
		{[]string{"schema", "--format", "jsonschema"}, gen(jsonschema.Draft2020)},
		{[]string{"schema", "--format", "jsonschema", "--draft", "2020-12"}, gen(jsonschema.Draft2020)},
		{[]string{"schema", "--format", "jsonschema", "--draft", "7"}, gen(jsonschema.Draft7)},
		{[]string{"schema", "--format", "jsonschema", "-o", file}, ""},
	} {
		var stdout, stderr bytes.Buffer
		if code := Main(tc.args, strings.NewReader(""), &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, stderr.String())
		}
		if stdout.String() != tc.want {
			t.Errorf("%v: stdout is not the expected schema", tc.args)
		}
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != gen(jsonschema.Draft2020) {
		t.Errorf("-o %s: the file is not the JSON Schema", file)
	}
}
