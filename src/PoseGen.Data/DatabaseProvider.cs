namespace PoseGen.Data;

public enum DatabaseProvider { Sqlite, Postgres }
