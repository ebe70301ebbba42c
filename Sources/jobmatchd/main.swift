print("jobmatchd")
