/**
 * The workspace database as many processes share it (ADR 0016): which failures mean "the process
 * serving the database went away" ({@link org.featureworkbench.database.ConnectionLoss}), the
 * data source that waits for and follows the database to its next owner
 * ({@link org.featureworkbench.database.WorkspaceDatabase}), and the small file each live process
 * keeps so waiting processes can say what they wait for ({@link org.featureworkbench.database.ProcessInfo}).
 */
package org.featureworkbench.database;
