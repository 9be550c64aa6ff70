from jobs.worker import main

raise SystemExit(main())
