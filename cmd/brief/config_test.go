package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadConfig(t *testing.T) {
	tests := []struct {
		name    string
		yaml    string // "" with noFile: no brief.yaml at all
		noFile  bool
		want    config
		wantErr string // substring of the error; "" for success
	}{
		{name: "NoFile", noFile: true, want: *defaultConfig()},
		{name: "Empty", yaml: "", want: *defaultConfig()},
		{name: "CommentsOnly", yaml: "# nothing\n", want: *defaultConfig()},
		{
			name: "AllKeys",
			yaml: "title: T\nbase_url: https://u.github.io/r/\ntheme: mine\nlanguage: de\nauthor: A\nsources: articles\n",
			want: config{Title: "T", BaseURL: "https://u.github.io/r/", Theme: "mine", Language: "de", Author: "A", Sources: "articles"},
		},
		{name: "NullKeepsDefault", yaml: "title:\n", want: *defaultConfig()},
		{name: "UnknownKey", yaml: "title: T\ntitel: X\n", wantErr: `brief.yaml:2:1: unknown key "titel" (did you mean "title"?)`},
		{name: "UnknownKeyFar", yaml: "colour: red\n", wantErr: `brief.yaml:1:1: unknown key "colour" (known keys: title, base_url, theme, language, author, sources)`},
		{name: "WrongTypeList", yaml: "title: [a, b]\n", wantErr: `brief.yaml:1:8: key "title": want a string, got a list`},
		{name: "WrongTypeNumber", yaml: "\nlanguage: 3\n", wantErr: `brief.yaml:2:11: key "language": want a string, got a number`},
		{name: "Duplicate", yaml: "title: a\ntitle: b\n", wantErr: `brief.yaml:2:1: duplicate key "title"`},
		{name: "NotMapping", yaml: "- a\n- b\n", wantErr: `brief.yaml:1:1: config must be a mapping`},
		{name: "Syntax", yaml: "title: \"unclosed\nauthor: x\n", wantErr: `brief.yaml:`},
		{name: "BadBaseURL", yaml: "title: T\nbase_url: \"javascript:alert(1)\"\n", wantErr: `brief.yaml:2:11: key "base_url": "javascript:alert(1)" is not an http(s) URL`},
		{name: "BadTheme", yaml: "\ntheme: ../etc\n", wantErr: `brief.yaml:2:8: key "theme": "../etc" is not a theme name`},
		{name: "SourcesUp", yaml: "title: T\nsources: ../x\n", wantErr: `brief.yaml:2:10: key "sources": "../x" leaves the project folder: give a folder inside it`},
		{name: "SourcesEtc", yaml: "sources: ../../../etc\n", wantErr: `brief.yaml:1:10: key "sources": "../../../etc" leaves the project folder`},
		{name: "SourcesInnerUp", yaml: "sources: content/../../x\n", wantErr: `brief.yaml:1:10: key "sources": "content/../../x" leaves the project folder`},
		{name: "SourcesAbsolute", yaml: "sources: /etc\n", wantErr: `brief.yaml:1:10: key "sources": "/etc" is an absolute path`},
		{name: "SourcesRoot", yaml: "sources: .\n", wantErr: `brief.yaml:1:10: key "sources": "." is the project folder itself`},
		{name: "SourcesEmpty", yaml: "sources: \"\"\n", wantErr: `brief.yaml:1:10: key "sources": "" is empty`},
		{name: "SourcesInside", yaml: "sources: content/../articles\n", want: func() config { c := *defaultConfig(); c.Sources = "content/../articles"; return c }()},
		{name: "InvalidUTF8", yaml: "title: ok\nauthor: \xff\n", wantErr: `brief.yaml:2:9: invalid UTF-8`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if !tt.noFile {
				if err := os.WriteFile(filepath.Join(dir, configFile), []byte(tt.yaml), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := loadConfig(dir)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("loadConfig: no error, want %q", tt.wantErr)
				}
				msg := strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), "")
				if !strings.Contains(msg, tt.wantErr) {
					t.Fatalf("error=%q, want it to contain %q", msg, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("loadConfig: %v", err)
			}
			got.file = ""
			if *got != tt.want {
				t.Fatalf("config=%+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestConfigKeysDocumented(t *testing.T) {
	c := defaultConfig()
	for _, k := range configKeys {
		if c.field(k.key) == nil {
			t.Errorf("documented key %q has no field", k.key)
		}
	}
}
