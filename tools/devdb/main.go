// Command devdb runs FerretDB (the MongoDB wire protocol over SQLite) as
// Custodia's embedded development database. It listens on loopback only.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "loopback address to listen on")
	dataDir := flag.String("data", "./data/db", "directory holding the SQLite files")
	flag.Parse()

	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		log.Fatalf("devdb: data directory %q: %v", *dataDir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatalf("devdb: cannot create data directory %q: %v", dir, err)
	}

	db, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		log.Fatalf("devdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	done := make(chan error, 1)
	go func() { done <- db.Run(ctx) }()
	// The launcher waits for this line before it pings the server.
	fmt.Printf("devdb listening %s\n", db.MongoDBURI())

	if err := <-done; err != nil && ctx.Err() == nil {
		log.Fatalf("devdb: %v", err)
	}
}
